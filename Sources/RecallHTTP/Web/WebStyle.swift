/// The page's stylesheet: readable from 360 px phones to 1440 px screens, dark when the system is.
enum WebStyle {
    /// The stylesheet's text.
    static let css = #"""
        :root { --bg: #fbfbfa; --fg: #1d1d1f; --muted: #5f6368; --line: #d9d9d6; --card: #ffffff; --accent: #1b5fc1;
          --accent-fg: #ffffff; --mark: #ffe58a; --danger: #b3261e; --user: #eef3fb; --assistant: #f4f4f2; font-size: 16px; }
        @media (prefers-color-scheme: dark) {
          :root { --bg: #161618; --fg: #e8e8ea; --muted: #a0a3a8; --line: #3a3a3e; --card: #1f1f22; --accent: #7aa7ff;
            --accent-fg: #0d1424; --mark: #6b5a12; --danger: #ff8a80; --user: #1d2636; --assistant: #232326; }
        }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--bg); color: var(--fg); font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
        a { color: var(--accent); }
        a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible, summary:focus-visible {
          outline: 3px solid var(--accent); outline-offset: 2px; }
        .skip { position: absolute; left: -999px; top: 0; background: var(--card); padding: .5rem; }
        .skip:focus { left: .5rem; z-index: 2; }
        .top { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); background: var(--card); }
        .brand { font-weight: 700; text-decoration: none; color: var(--fg); }
        .top nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1; }
        .top nav a { text-decoration: none; padding: .15rem 0; }
        .top nav a[aria-current=page] { font-weight: 700; border-bottom: 2px solid var(--accent); }
        .signout { display: flex; gap: .5rem; align-items: center; }
        .who { color: var(--muted); font-size: .9rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.5rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
        input, select, textarea, button { font: inherit; color: inherit; }
        input, select, textarea { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .35rem .5rem; max-width: 100%; }
        textarea { width: 100%; min-height: 6rem; }
        button, .button { background: var(--accent); color: var(--accent-fg); border: 0; border-radius: 6px; padding: .4rem .8rem; cursor: pointer; text-decoration: none; display: inline-block; }
        button.quiet, .button.quiet { background: transparent; color: var(--accent); border: 1px solid var(--line); }
        button.danger { background: var(--danger); color: var(--bg); }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem .75rem; align-items: end; margin-bottom: 1rem; padding: .75rem; border: 1px solid var(--line); border-radius: 8px; background: var(--card); }
        .filters label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
        .filters .grow { flex: 1 1 16rem; }
        .filters label.check { flex-direction: row; gap: .3rem; align-items: center; }
        .list { list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .75rem 1rem; overflow-wrap: anywhere; }
        .card p { margin: .25rem 0; }
        .meta { color: var(--muted); font-size: .875rem; display: flex; flex-wrap: wrap; gap: .15rem .8rem; }
        .tag { display: inline-block; border: 1px solid var(--line); border-radius: 999px; padding: 0 .5rem; font-size: .8rem; }
        .actions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin-top: .5rem; }
        .actions form { margin: 0; }
        .pager { display: flex; gap: 1rem; align-items: center; margin: 1rem 0; }
        .error { color: var(--danger); font-weight: 600; }
        .notice { border-left: 4px solid var(--accent); padding: .5rem .75rem; background: var(--card); }
        .message { border-radius: 8px; padding: .6rem .9rem; margin: .6rem 0; border: 1px solid var(--line); overflow-wrap: anywhere; }
        .message.user { background: var(--user); }
        .message.assistant, .message.tool, .message.system { background: var(--assistant); }
        .message.target { outline: 3px solid var(--accent); }
        .message pre, .content { white-space: pre-wrap; font: inherit; margin: .25rem 0 0; }
        details.hidden-material { margin: .5rem 0; color: var(--muted); }
        mark { background: var(--mark); color: inherit; }
        .fields { display: grid; gap: .6rem; max-width: 40rem; }
        .fields label { display: flex; flex-direction: column; gap: .2rem; }
        .drop { display: block; border: 2px dashed var(--line); border-radius: 10px; padding: 2rem 1rem; text-align: center; background: var(--card); }
        .drop.over { border-color: var(--accent); }
        progress { width: 100%; height: 1rem; }
        table { border-collapse: collapse; width: 100%; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
        td.n { text-align: right; font-variant-numeric: tabular-nums; }
        .grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr)); }
        .chart { width: 100%; height: auto; }
        .chart .messages { fill: var(--accent); }
        .chart .memories { fill: var(--danger); }
        .chart text { fill: var(--muted); font-size: 11px; }
        .chart line { stroke: var(--line); }
        .legend { display: flex; gap: 1rem; font-size: .875rem; }
        .swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: -1px; }
        .swatch.messages { background: var(--accent); }
        .swatch.memories { background: var(--danger); }
        .signin { max-width: 28rem; }
        @media (max-width: 600px) { main { padding: .75rem; } .top { padding: .5rem .75rem; } h1 { font-size: 1.3rem; } }
        """#
}
