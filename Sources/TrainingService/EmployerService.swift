public import TrainingCore
public import TrainingStore

/// The employers whose staff train: records, not free text, so that everything counted per
/// employer counts each one once however its name was typed.
public struct EmployerService: Sendable {
    let store: Store

    /// The use cases over `store`.
    public init(store: Store) {
        self.store = store
    }

    /// Adds an employer (numbered `E-0001` when it has no id).
    public func add(_ employer: Employer) async throws -> Employer {
        try store.addEmployer(employer)
    }

    /// Every employer, by name, with its staff count and the spellings merged into it.
    public func list() async throws -> [EmployerSummary] {
        try store.employers()
    }

    /// An employer by id or name, with its staff and those who left it.
    public func details(of key: String) async throws -> (summary: EmployerSummary, staff: [Participant], past: [PastEmployment]) {
        try store.employer(key)
    }

    /// Corrects an employer's name, kind or SIRET.
    public func edit(_ key: String, _ change: (inout Employer) -> Void) async throws -> Employer {
        try store.editEmployer(key, change)
    }
}
