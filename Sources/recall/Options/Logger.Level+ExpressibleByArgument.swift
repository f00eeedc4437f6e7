public import ArgumentParser
public import Logging

// `--log-level debug|info|notice|warning|error|critical|trace`.
extension Logger.Level: @retroactive ExpressibleByArgument {}
