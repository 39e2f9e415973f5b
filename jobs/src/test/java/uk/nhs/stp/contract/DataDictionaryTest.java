package uk.nhs.stp.contract;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The published dictionary is the rendering of the contracts, so it cannot drift from them. */
class DataDictionaryTest {

    @Test
    void docsDataDictionaryIsUpToDate() throws IOException {
        Path published = Path.of("..", "docs", "data-dictionary.md");
        String expected = DataDictionary.render();
        assertTrue(expected.contains("### `rtt_pathways`") && expected.contains("### `rejects`"));
        assertEquals(expected, Files.readString(published, StandardCharsets.UTF_8),
                "docs/data-dictionary.md is stale: regenerate it with `scripts/stp dictionary --out docs/data-dictionary.md`");
    }
}
