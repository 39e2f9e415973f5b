package uk.nhs.stp.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

import java.io.IOException;

/** Facts about a folder of Parquet files read from the files' footers, without a Spark job. */
public final class ParquetFolders {
    private ParquetFolders() { }

    /**
     * Rows in the Parquet data files directly under {@code folder} (names starting with {@code _}
     * or {@code .} — markers, checksums — are not data), summed from the footers' row-group counts.
     * A folder with no data files has 0 rows.
     */
    public static long rowCount(FileSystem fs, Configuration conf, Path folder) throws IOException {
        long rows = 0;
        for (FileStatus f : fs.listStatus(folder)) {
            if (!f.isFile() || FileTrees.hidden(f.getPath().getName())) continue;
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(f, conf))) {
                rows += reader.getRecordCount();
            }
        }
        return rows;
    }
}
