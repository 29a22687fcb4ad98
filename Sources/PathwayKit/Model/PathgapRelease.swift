/// The release of pathgap this library belongs to.
public enum PathgapRelease {
    /// The version, as `pathgap --version` prints it and as the top entry of `CHANGELOG.md` names it (a test keeps
    /// the two in step). Semantic versioning: the JSON report schema and the command line are the public interface.
    public static let version = "0.2.0"
}
