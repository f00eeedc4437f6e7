public import ArgumentParser
public import RecallCore

// Core's closed sets parse from their raw values (`--platform chatgpt`, `--type goal`) and list
// them in `--help`. The conformances live here so Core never sees ArgumentParser.

extension Platform: ExpressibleByArgument {}
extension MemoryType: ExpressibleByArgument {}
extension SearchScope: ExpressibleByArgument {}
extension ListOrder: ExpressibleByArgument {}
extension APIKey.Scope: ExpressibleByArgument {}
