import Testing

@testable import RecallCore
@testable import RecallImport

extension ImportTests {
    @Suite struct HTMLTextTests {
        @Test(arguments: [
            ("<p>one</p><p>two</p>", "one\n\ntwo"),
            ("line<br>break<br/>again", "line\nbreak\nagain"),
            ("<p>  lots   of\n  space </p>", "lots of space"),
            ("It&#39;s &quot;quoted&quot; &amp; &lt;escaped&gt; &#x2014; &hellip;", "It's \"quoted\" & <escaped> — …"),
            ("fish &chips; &unknown; &#0; & bare", "fish &chips; &unknown; &#0; & bare"),
            ("a&nbsp;b&emsp;c", "a b c"),
            (
                "<ul><li>one</li><li>two<ul><li>inner</li></ul></li></ul><p>after</p>",
                "- one\n- two\n  - inner\n\nafter"
            ),
            ("<ol start=\"3\"><li><p>three</p></li><li>four</li></ol>", "3. three\n4. four"),
            ("<h2>Title</h2>text", "Title\n\ntext"),
            ("<pre><code>let a = 1\n\n  indented &lt;T&gt;\n</code></pre>", "```\nlet a = 1\n\n  indented <T>\n```"),
            ("<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>", "a | b\n1 | 2"),
            ("<style>.x{}</style><script>alert('<p>')</script><!-- note -->shown", "shown"),
            ("x < y and <b>bold</b>", "x < y and bold"),
        ])
        func rendersCleanText(html: String, expected: String) {
            #expect(HTMLText.plainText(html) == expected)
        }

        @Test func tagsKeepTheirAttributes() {
            let tokens = HTMLToken.tokenize(
                #"<div class="content-cell  mdl-cell" data-x='1' hidden><A HREF="a&amp;b">x</A></div>"#)
            guard case .tag(let div) = tokens[0], case .tag(let link) = tokens[1] else {
                Issue.record("expected tags")
                return
            }
            #expect(div.hasClass("content-cell") && div.hasClass("mdl-cell") && !div.hasClass("content"))
            #expect(div.attributes["data-x"] == "1" && div.attributes["hidden"] == "")
            #expect(link.name == "a" && link.attributes["href"] == "a&b")
            #expect(tokens.last == .tag(HTMLTag(name: "div", isClosing: true, isSelfClosing: false, attributes: [:])))
        }
    }
}
