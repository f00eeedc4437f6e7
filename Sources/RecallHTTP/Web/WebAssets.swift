import Hummingbird

/// The page's stylesheet and script, compiled into the binary so a copied binary keeps its page.
enum WebAssets {
    /// Where the stylesheet is served.
    static let stylePath = "/web/style.css"
    /// Where the script is served.
    static let scriptPath = "/web/app.js"

    /// Registers both on the router.
    static func register(on router: Router<RecallRequestContext>) {
        router.get(RouterPath(stringLiteral: stylePath)) { _, _ in
            WebPage.response(.ok, WebStyle.css, type: "text/css; charset=utf-8", cache: true)
        }
        router.get(RouterPath(stringLiteral: scriptPath)) { _, _ in
            WebPage.response(.ok, WebScript.javascript, type: "text/javascript; charset=utf-8", cache: true)
        }
    }
}
