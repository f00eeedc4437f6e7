import Foundation
import Hummingbird
import RecallCore

/// The web page: sign-in and the pages for memories, conversations, search, upload and the
/// overview, each a thin call into RecallCore as the signed-in key's account (the same calls
/// the REST routes make).
struct WebRoutes: Sendable {
    /// The whole store, used only to check a key at sign-in; pages use the key's account view.
    let recall: Recall
    let settings: HTTPSettings
    let uploads: UploadFolder

    func register(on router: Router<RecallRequestContext>) {
        WebAssets.register(on: router)
        router.get("/") { request, context in
            if context.caller != nil { return WebPage.redirect("/memories") }
            return SignInPage.render(
                problem: WebForm(query: request).string("signed_out") != nil ? SignInPage.staleKey : nil)
        }
        router.post("/signin") { request, _ in try await SignInPage.signIn(request, recall: recall) }
        router.post("/signout") { request, context in
            _ = try await WebUser.posting(request, context)
            return WebPage.redirect("/", cookie: WebSession.signOutCookie)
        }

        router.get("/memories") { request, context in
            try await MemoryListPage.render(request, user: try WebUser(context))
        }
        router.get("/memories/{id}") { request, context in
            let saved = WebForm(query: request).string("saved")
            let notice = saved == nil ? nil : (saved == "none" ? "Nothing changed." : "Saved.")
            return try await MemoryPage.render(
                try context.parameters.require("id"), user: try WebUser(context), notice: notice)
        }
        router.post("/memories/{id}") { request, context in
            let (user, form) = try await WebUser.posting(request, context)
            return try await MemoryPage.save(try context.parameters.require("id"), form: form, user: user)
        }
        router.post("/memories/{id}/pin") { request, context in
            let (user, form) = try await WebUser.posting(request, context)
            let id = try context.parameters.require("id")
            let update = MemoryUpdate(id: id, pinned: form.string("pinned") == "true")
            _ = try await CoreWork.run { try user.recall.updateMemory(update) }
            return WebPage.redirect("/memories/\(id)?saved=1")
        }
        router.get("/memories/{id}/forget") { _, context in
            let id = try context.parameters.require("id")
            return try await ForgetPage.confirm(
                ForgetRequest(memoryIDs: [id]), what: "this memory", action: "/memories/\(id)/forget",
                cancel: "/memories/\(id)", user: try WebUser(context))
        }
        router.post("/memories/{id}/forget") { request, context in
            let (user, _) = try await WebUser.posting(request, context)
            try await ForgetPage.perform(ForgetRequest(memoryIDs: [try context.parameters.require("id")]), user: user)
            return WebPage.redirect("/memories?forgot=1")
        }
        router.get("/review") { request, context in try await ReviewPage.render(request, user: try WebUser(context)) }
        router.post("/review/accept") { request, context in
            let (user, form) = try await WebUser.posting(request, context)
            return try await ReviewPage.accept(form, user: user)
        }

        router.get("/chats") { request, context in try await ChatListPage.render(request, user: try WebUser(context)) }
        router.get("/chats/{id}") { request, context in
            try await ChatPage.render(
                try context.parameters.require("id"), request: request, user: try WebUser(context))
        }
        router.post("/chats/{id}") { request, context in
            let (user, form) = try await WebUser.posting(request, context)
            return try await ChatPage.save(try context.parameters.require("id"), form: form, user: user)
        }
        router.post("/chats/{id}/pin") { request, context in
            let (user, form) = try await WebUser.posting(request, context)
            return try await ChatPage.save(try context.parameters.require("id"), form: form, user: user)
        }
        router.get("/chats/{id}/forget") { _, context in
            let id = try context.parameters.require("id")
            return try await ForgetPage.confirm(
                ForgetRequest(chatIDs: [id]), what: "this conversation", action: "/chats/\(id)/forget",
                cancel: "/chats/\(id)", user: try WebUser(context))
        }
        router.post("/chats/{id}/forget") { request, context in
            let (user, _) = try await WebUser.posting(request, context)
            try await ForgetPage.perform(ForgetRequest(chatIDs: [try context.parameters.require("id")]), user: user)
            return WebPage.redirect("/chats?forgot=1")
        }

        router.get("/search") { request, context in try await SearchPage.render(request, user: try WebUser(context)) }
        router.get("/upload") { _, context in UploadPage.render(user: try WebUser(context)) }
        router.post("/upload") { request, context in
            try await UploadPage.receive(request, context: context, settings: settings, uploads: uploads)
        }
        router.get("/overview") { _, context in try await OverviewPage.render(user: try WebUser(context)) }
    }
}
