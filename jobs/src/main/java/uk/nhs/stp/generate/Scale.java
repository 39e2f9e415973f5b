package uk.nhs.stp.generate;

/** How much of England the generated returns cover. Every footprint is always present. */
public enum Scale {
    /** A few organisations per footprint: quick to generate and to ingest, still national in shape. */
    SAMPLE(3, 4, false),
    /**
     * Every organisation in the reference lists at published volumes: the 2017/18 acute trusts of the
     * published trust lookup (plus the few added so each footprint has two providers), the specialist,
     * community, mental health and ambulance trusts of the 2017/18 accounts, all 195 CCGs of April 2018,
     * independent urgent care sites in the A&E return, every treatment function and out-of-area
     * commissioners in the RTT extract (about 180,000 rows a month, as published), year-on-year
     * trends, and the publication quirks of {@link NationalQuirks}.
     */
    NATIONAL(Integer.MAX_VALUE, Integer.MAX_VALUE, true);

    private final int providersPerFootprint;
    private final int ccgsPerFootprint;
    private final boolean publishedVolumes;

    Scale(int providersPerFootprint, int ccgsPerFootprint, boolean publishedVolumes) {
        this.providersPerFootprint = providersPerFootprint;
        this.ccgsPerFootprint = ccgsPerFootprint;
        this.publishedVolumes = publishedVolumes;
    }

    /** Largest number of trusts kept per footprint (acute first, largest first). */
    public int providersPerFootprint() { return providersPerFootprint; }

    /** Largest number of CCGs kept per footprint (most populous first). */
    public int ccgsPerFootprint() { return ccgsPerFootprint; }

    /**
     * Whether the returns have the detail and size of the published ones (the national scale) rather
     * than the sample's small, steady shape. The sample's files stay as they always were, so tests
     * written against them keep their meaning.
     */
    public boolean publishedVolumes() { return publishedVolumes; }
}
