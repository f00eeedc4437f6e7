// What the import parsers produce (`ParsedConversation`, `Platform`, `ImportDiagnostic`, …) is
// also what the core stores and the adapters show; re-exporting the module keeps one
// `import RecallCore` enough for every adapter, with no mirror types to map.
@_exported public import RecallImport
