package uk.nhs.stp.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import uk.nhs.stp.contract.DataDictionary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code stp dictionary [--out FILE]}: the data dictionary from the contracts, as Markdown. */
@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = "Print the data dictionary (every table and published input shape, from data-schemas/) as Markdown.")
public final class DictionaryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to this file instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String md = DataDictionary.render();
        if (out == null) {
            spec.commandLine().getOut().print(md);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(out, md, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
