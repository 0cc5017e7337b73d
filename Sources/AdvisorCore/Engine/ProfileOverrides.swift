/// A home ground of the scout's profiles that these answers stand on, whose named stack did not win:
/// the profile's advice was overridden, and `why` says by what.
public struct OverriddenGround: Hashable, Sendable {
    public var name: String
    public var expected: [StackID]
    /// The exclusion that takes these answers out of the ground (another profile or axis names another
    /// stack), or nil when the weighted scores alone put the winner first.
    public var exclusion: String?
}

extension Engine {
    /// The home grounds whose condition these answers meet but whose named stacks did not win, each
    /// with the first exclusion that applies: the sentence a record gives for not following a profile.
    public func overriddenGrounds(_ answers: Answers, winner: StackID) -> [OverriddenGround] {
        let profileByID = Dictionary(profiles.map { ($0.id, $0.condition) }, uniquingKeysWith: { a, _ in a })
        let vector = questionnaire.vector(answers)
        return knowledgeBase.homeGrounds.compactMap { ground in
            guard !ground.expect.contains(winner),
                  questionnaire.compile(ground.condition, profiles: profileByID).holds(vector) else { return nil }
            // The team ruling out every stack the ground names says more than any rule could.
            if ground.expect.allSatisfy(answers.excludedStacks.contains) {
                return OverriddenGround(name: ground.name, expected: ground.expect,
                                        exclusion: "the team ruled out " + ground.expect.map(stackName).joined(separator: " and "))
            }
            let exclusion = ground.exclusions.first { questionnaire.compile($0.condition, profiles: profileByID).holds(vector) }
            return OverriddenGround(name: ground.name, expected: ground.expect, exclusion: exclusion?.why)
        }
    }
}
