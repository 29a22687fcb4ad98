# pathgap in a container: Debian 12 (bookworm), Swift, Graphviz's and libyaml's C libraries.
#
#   docker build -t pathgap .
#   docker run --rm -v "$PWD:/work" -w /work pathgap report Fixtures/projects/dpyd --out out/dpyd --as-of 2026-11-25
#
# Not built in CI: the CI machine runs no Docker engine (see README, "Development"). The build stage is the README's
# Quick start on the official Swift image; the run stage adds only Graphviz's and libyaml's runtime libraries
# (libgvc6 carries the core and dot-layout plugins) and the bundled catalogue, which `pathgap report` on a lone
# pathway file reads from /usr/local/share/pathgap.

FROM swift:6.1-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgraphviz-dev libyaml-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# The manifest first, so that the dependencies are fetched once and cached while the sources change.
COPY Package.swift ./
RUN swift package resolve
COPY Sources Sources
COPY Tests Tests
RUN swift build -c release --product pathgap --static-swift-stdlib \
    && cp "$(swift build -c release --show-bin-path)/pathgap" /usr/local/bin/pathgap

FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgvc6 libcgraph6 libyaml-0-2 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /usr/local/bin/pathgap /usr/local/bin/pathgap
COPY Fixtures/staff-groups.yaml /usr/local/share/pathgap/staff-groups.yaml
COPY Fixtures/frameworks /usr/local/share/pathgap/frameworks
COPY Fixtures/resources /usr/local/share/pathgap/resources
ENTRYPOINT ["pathgap"]
CMD ["--help"]
