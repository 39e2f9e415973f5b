package uk.nhs.stp.generate;

/** What sort of trust a provider is; it decides which returns carry activity for it. */
public enum ProviderKind {
    /** Type 1 emergency department, elective waiting list and cancer treatment. */
    ACUTE,
    /** Specialist acute trust (eye, heart, cancer, children's, orthopaedic): elective list and cancer treatment, no A&E return. */
    SPECIALIST,
    /** Minor injury units (other A&E department type) and a small elective list. */
    COMMUNITY,
    /** No A&E department: only other emergency admissions and a small elective list. */
    MENTAL_HEALTH,
    /** Ambulance trust: none of the activity returns, only the finance return. */
    AMBULANCE;

    /** Whether the trust appears in the A&E return. */
    boolean reportsAe() { return this == ACUTE || this == COMMUNITY || this == MENTAL_HEALTH; }

    /** Whether the trust holds consultant-led waiting lists (RTT). */
    boolean reportsRtt() { return this != AMBULANCE; }

    /** Whether the trust treats cancer (cancer waiting times). */
    boolean treatsCancer() { return this == ACUTE || this == SPECIALIST; }
}
