/// The parent links of a conversation's messages, made safe to walk.
///
/// Exports are trees (edits and regenerations branch), and real files contain broken ones:
/// parents that do not exist, and — rarely — cycles. Missing parents make a node a root;
/// a cycle is cut once, where a walk up from `walkFirst` (the active leaf) would re-enter it,
/// so the result is always a forest and every walk ends.
struct ConversationTree {
    /// Node ids in a stable order (the order children are visited in when nothing else decides).
    let nodes: [String]
    /// Nodes whose parent link was dropped to break a cycle.
    let cutLinks: [String]
    private let parentOf: [String: String]
    private let childrenOf: [String: [String]]

    /// Builds a tree.
    ///
    /// `parent` links to nodes not in `nodes` are dropped (those become roots);
    /// `listedChildren` orders each node's children, and children it does not list follow in
    /// `nodes` order. Cycles are looked for starting from `walkFirst`, then from every node.
    init(nodes: [String], parent: [String: String], listedChildren: [String: [String]] = [:], walkFirst: String? = nil)
    {
        let known = Set(nodes)
        self.nodes = nodes
        var parentOf: [String: String] = [:]
        for (child, parent) in parent where known.contains(child) && known.contains(parent) && child != parent {
            parentOf[child] = parent
        }
        cutLinks = Self.breakCycles(&parentOf, starts: [walkFirst].compactMap { $0 } + nodes)
        var childrenOf: [String: [String]] = [:]
        var placed = Set<String>()
        for node in nodes {
            for child in listedChildren[node] ?? [] where parentOf[child] == node && !placed.contains(child) {
                childrenOf[node, default: []].append(child)
                placed.insert(child)
            }
        }
        for node in nodes where !placed.contains(node) {
            if let parent = parentOf[node] { childrenOf[parent, default: []].append(node) }
        }
        self.parentOf = parentOf
        self.childrenOf = childrenOf
    }

    /// Walks up from each start; when a walk meets a node it is still on, the link that closes
    /// the loop is removed.
    ///
    /// Returns the nodes that lost their parent.
    private static func breakCycles(_ parentOf: inout [String: String], starts: [String]) -> [String] {
        var finished = Set<String>()
        var cut: [String] = []
        for start in starts where !finished.contains(start) && parentOf.keys.contains(start) {
            var chain: [String] = []
            var onChain = Set<String>()
            var current: String? = start
            while let node = current, !finished.contains(node) {
                if onChain.contains(node) {
                    if let last = chain.last {
                        parentOf[last] = nil
                        cut.append(last)
                    }
                    break
                }
                chain.append(node)
                onChain.insert(node)
                current = parentOf[node]
            }
            finished.formUnion(chain)
        }
        return cut
    }

    /// The node's parent, if it has one in the tree.
    func parent(of node: String) -> String? { parentOf[node] }

    /// The node's children, in order.
    func children(of node: String) -> [String] { childrenOf[node] ?? [] }

    /// Nodes without a parent, in `nodes` order.
    var roots: [String] { nodes.filter { parentOf[$0] == nil } }

    /// Nodes without children, in `nodes` order.
    var leaves: [String] { nodes.filter { (childrenOf[$0] ?? []).isEmpty } }

    /// The path from the root down to `leaf`.
    func path(to leaf: String) -> [String] {
        var path: [String] = []
        var current: String? = leaf
        while let node = current {
            path.append(node)
            current = parentOf[node]
        }
        return path.reversed()
    }

    /// For every node, its closest proper ancestor for which `keep` holds — in one pass, so long
    /// runs of skipped nodes cost nothing extra.
    func nearestAncestors(where keep: (String) -> Bool) -> [String: String] {
        var result: [String: String] = [:]
        for node in depthFirstOrder() {  // parents come before their children
            guard let parent = parentOf[node] else { continue }
            result[node] = keep(parent) ? parent : result[parent]
        }
        return result
    }

    /// Every node once: depth-first from the roots, children in order.
    func depthFirstOrder() -> [String] {
        var order: [String] = []
        var seen = Set<String>()
        var stack = roots.reversed() as [String]
        while let node = stack.popLast() {
            guard seen.insert(node).inserted else { continue }
            order.append(node)
            stack.append(contentsOf: children(of: node).reversed())
        }
        return order
    }

    /// Starting at the last root, follows the last child at every step: the branch a user last
    /// saw when the export lists replies in the order they were written.
    func lastChildPath() -> [String] {
        var path: [String] = []
        var current = roots.last
        while let node = current {
            path.append(node)
            current = children(of: node).last
        }
        return path
    }

    /// Lays out each node's messages: the active branch first, numbered in order, then the
    /// other nodes in `order`.
    ///
    /// A node's own message (`representative`) links to the nearest
    /// ancestor that stored one; its hidden parts link to it, so no link points at nothing.
    func layOut(active: [String], order: [String], parts: [String: [ParsedMessage]], representative: [String: String])
        -> [ParsedMessage]
    {
        let activeSet = Set(active)
        let storedAncestor = nearestAncestors { representative[$0] != nil }
        var result: [ParsedMessage] = []
        for id in active + order.filter({ !activeSet.contains($0) }) {
            let own = representative[id]
            let inherited = storedAncestor[id].flatMap { representative[$0] }
            for var part in parts[id] ?? [] {
                part.parentSourceID = part.sourceID == own ? inherited : own
                part.activePosition = activeSet.contains(id) ? result.count : nil
                result.append(part)
            }
        }
        return result
    }
}
