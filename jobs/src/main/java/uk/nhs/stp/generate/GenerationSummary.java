package uk.nhs.stp.generate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation run wrote.
 *
 * @param outDir the output folder as given
 * @param files  every file written, in the order written
 */
public record GenerationSummary(String outDir, List<GeneratedFile> files) {

    public GenerationSummary {
        files = List.copyOf(files);
    }

    /** Data rows written per kind of return, kinds in alphabetical order. */
    public Map<String, Long> rowsByKind() {
        Map<String, Long> rows = new TreeMap<>();
        for (GeneratedFile f : files) rows.merge(f.kind(), f.rows(), Long::sum);
        return rows;
    }

    /** Files written per kind of return, kinds in alphabetical order. */
    public Map<String, Integer> filesByKind() {
        Map<String, Integer> counts = new TreeMap<>();
        for (GeneratedFile f : files) counts.merge(f.kind(), 1, Integer::sum);
        return counts;
    }
}
