package uk.nhs.stp.generate;

/** What sort of trust a provider is; it decides which returns carry activity for it. */
public enum ProviderKind {
    /** Type 1 emergency department, elective waiting list and cancer treatment. */
    ACUTE,
    /** Minor injury units (other A&E department type) and a small elective list. */
    COMMUNITY,
    /** No A&E department: only other emergency admissions and a small elective list. */
    MENTAL_HEALTH
}
