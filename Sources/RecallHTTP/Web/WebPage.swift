import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RecallCore

/// The frame every page shares (head, navigation, sign-out) and the headers every page carries.
enum WebPage {
    /// The sections in the navigation, in order: path and label.
    static let sections: [(path: String, label: String)] = [
        ("/memories", "Memories"), ("/chats", "Conversations"), ("/search", "Search"), ("/upload", "Upload"),
        ("/overview", "Overview"),
    ]

    /// Nothing but this server's own stylesheet and script, no frames, forms only to itself;
    /// `connect-src 'self'` lets the upload script send the file to this server and follow its
    /// progress (without it `default-src 'none'` blocks the request).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// A whole page for a signed-in user; `section` marks the current navigation entry.
    static func render(
        _ title: String, section: String?, user: WebUser, status: HTTPResponse.Status = .ok, _ body: HTML
    ) -> Response {
        let links = sections.map { entry -> HTML in
            entry.path == section
                ? "<a href=\"\(entry.path)\" aria-current=\"page\">\(entry.label)</a>"
                : "<a href=\"\(entry.path)\">\(entry.label)</a>"
        }
        let header: HTML = """
            <header class="top"><a class="brand" href="/memories">Recall</a>
            <nav aria-label="Sections">\(links)</nav>
            <form method="post" action="/signout" class="signout">\(user.tokenField)<span class="who">\(user.account)</span> <button type="submit">Sign out</button></form>
            </header>
            """
        return document(title, header: header, body: body, status: status)
    }

    /// A page with no navigation (sign-in, errors before sign-in).
    static func document(_ title: String, header: HTML = "", body: HTML, status: HTTPResponse.Status = .ok) -> Response
    {
        let page: HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">
            <title>\(title) · Recall</title>
            <link rel="stylesheet" href="/web/style.css"><script src="/web/app.js" defer></script>
            </head><body>
            <a class="skip" href="#main">Skip to content</a>
            \(header)
            <main id="main" tabindex="-1"><h1>\(title)</h1>
            \(body)
            </main></body></html>
            """
        return response(status, page.text, type: "text/html; charset=utf-8")
    }

    /// A response with the headers every page and asset carries.
    static func response(_ status: HTTPResponse.Status, _ text: String, type: String, cache: Bool = false) -> Response {
        var headers: HTTPFields = [
            .contentType: type,
            .contentSecurityPolicy: contentSecurityPolicy,
            .contentTypeOptions: "nosniff",
            // Not `no-referrer`: with it browsers send `Origin: null` on form posts, which the
            // origin check (against DNS rebinding) must refuse.
            .referrerPolicy: "same-origin",
            .frameOptions: "DENY",
        ]
        headers[.cacheControl] = cache ? "public, max-age=3600" : "no-store"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to another page (after a form, or to the sign-in).
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var response = response(.seeOther, "", type: "text/plain; charset=utf-8")
        response.headers[.location] = location
        if let cookie { response.headers[.setCookie] = cookie }
        return response
    }

    /// Any error on a web route as a page in plain words, never internals.
    static func error(_ error: any Error) -> Response {
        let status: HTTPResponse.Status
        let message: String
        switch error {
        case let error as WebError:
            (status, message) = (error.status, error.message)
        case let error as RecallError:
            let mapped = APIError.from(error)
            status = mapped.status
            message =
                mapped.status == .internalServerError
                ? "Something went wrong on the server; nothing was changed by this request." : error.message
        case let error as APIError:
            status = error.status
            message =
                error.fieldErrors.isEmpty
                ? error.message
                : error.fieldErrors.map { "\($0.key): \($0.value.joined(separator: ", "))" }.sorted().joined(
                    separator: "; ")
        case let error as HTTPError:
            status = error.status
            message = error.status == .notFound ? "There is no page at this address." : error.status.reasonPhrase
        default:
            status = .internalServerError
            message = "Something went wrong on the server; nothing was changed by this request."
        }
        var response = document(
            status == .notFound ? "Not found" : "Something is wrong",
            header: "<header class=\"top\"><a class=\"brand\" href=\"/memories\">Recall</a></header>",
            body:
                "<p class=\"error\" role=\"alert\">\(message)</p><p><a href=\"/memories\">Memories</a> · <a href=\"/\">Sign in</a></p>",
            status: status)
        if case let error as APIError = error { for field in error.headers { response.headers.append(field) } }
        return response
    }

    /// A date for people: `2026-03-14 09:30` in UTC.
    static func time(_ date: Date?) -> String {
        guard let date else { return "" }
        let style = Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().dateSeparator(
            .dash
        ).time(includingFractionalSeconds: false).timeSeparator(.colon)
        return String(date.formatted(style).replacingOccurrences(of: "T", with: " ").prefix(16))
    }

    /// A date as a date input's value.
    static func day(_ date: Date?) -> String {
        String(time(date).prefix(10))
    }
}
