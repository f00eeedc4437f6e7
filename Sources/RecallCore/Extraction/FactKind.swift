/// What a statement about the user is about, as the rules see it: the reason a kept candidate
/// gives ("durable: profession"), and how closely it is judged.
///
/// Statements of who the user is (a name, a job, a diagnosis) are durable however they are
/// worded; statements of what the user is doing, wants or has done are durable only when they
/// are about the user's life or work rather than the task in the chat ("I want to run a
/// marathon" against "I want to create an API call").
enum FactKind: String, Sendable, CaseIterable {
    case name
    case age
    case origin
    case residence
    case employer
    case profession
    case education
    case membership
    case family
    case pet
    case health
    case diet
    case identity
    case skill
    case taste
    /// What something makes the user feel ("dancing brings me joy").
    case feeling
    case belief
    case habit
    case tool
    case possession
    case project
    case condition
    case goal
    case plan
    case activity
    case experience

    /// How the reason names it.
    var label: String {
        switch self {
        case .tool: "tool or platform"
        case .taste: "preference"
        case .condition: "condition the user sets"
        case .activity: "ongoing activity"
        case .education: "studies"
        case .membership: "role or membership"
        default: rawValue
        }
    }

    /// Whether the statement is about what the user does or wants, which the task of the moment
    /// can also be worded as; those are checked for requests, code, errors and passing plans.
    var describesDoing: Bool {
        switch self {
        case .goal, .plan, .activity, .experience, .habit, .tool, .possession, .project, .taste, .feeling, .family: true
        default: false
        }
    }
}
