package uk.nhs.stp.generate;

/** How much of England the generated returns cover. Every footprint is always present. */
public enum Scale {
    /** A few organisations per footprint: quick to generate and to ingest, still national in shape. */
    SAMPLE(3, 4),
    /**
     * Every organisation in the reference lists: the 2017/18 acute trusts of the published trust lookup
     * (plus the few added so each footprint has two providers) and all 195 CCGs of April 2018.
     */
    NATIONAL(Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final int providersPerFootprint;
    private final int ccgsPerFootprint;

    Scale(int providersPerFootprint, int ccgsPerFootprint) {
        this.providersPerFootprint = providersPerFootprint;
        this.ccgsPerFootprint = ccgsPerFootprint;
    }

    /** Largest number of trusts kept per footprint (acute first, largest first). */
    public int providersPerFootprint() { return providersPerFootprint; }

    /** Largest number of CCGs kept per footprint (most populous first). */
    public int ccgsPerFootprint() { return ccgsPerFootprint; }
}
