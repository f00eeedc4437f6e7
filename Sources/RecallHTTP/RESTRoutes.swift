import Foundation
import HTTPTypes
import Hummingbird
import RecallCore

/// The hosted memory services' REST routes (see the README's route list), each a thin call
/// into RecallCore as the caller's account.
struct RESTRoutes: Sendable {
    let settings: HTTPSettings
    let uploads: UploadFolder
    let version: String

    func register(on router: Router<RecallRequestContext>) {
        router.get("/openapi.json") { _, _ in JSONBody.response(.ok, OpenAPIDocument.document(version: version)) }
        ConversationRoutes(settings: settings, uploads: uploads).register(on: router)
        ChatHistoryRoutes().register(on: router)
        MemoryRoutes(settings: settings).register(on: router)
    }
}
