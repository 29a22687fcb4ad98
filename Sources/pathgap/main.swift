import PathgapCLI

Pathgap.main()
