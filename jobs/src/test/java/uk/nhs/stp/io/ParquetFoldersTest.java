package uk.nhs.stp.io;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.nhs.stp.testing.SharedSpark;

import java.io.IOException;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ParquetFoldersTest {
    @TempDir
    java.nio.file.Path tmp;

    @Test
    void countsTheRowsOfEveryDataFileFromTheFootersAndIgnoresMarkers() throws IOException {
        SparkSession spark = SharedSpark.session();
        String folder = tmp.resolve("t").toString();
        // 1,000 rows in 3 files, plus Spark's _SUCCESS marker and the .crc checksums beside the files
        spark.range(1000).repartition(3).write().mode(SaveMode.Overwrite).parquet(folder);
        Configuration conf = new Configuration();
        FileSystem fs = new Path(folder).getFileSystem(conf);
        assertEquals(1000, ParquetFolders.rowCount(fs, conf, new Path(folder)));
    }

    @Test
    void aFolderWithoutDataFilesHasNoRows() throws IOException {
        SparkSession spark = SharedSpark.session();
        String folder = tmp.resolve("empty").toString();
        spark.range(0).write().mode(SaveMode.Overwrite).parquet(folder);
        Configuration conf = new Configuration();
        FileSystem fs = new Path(folder).getFileSystem(conf);
        assertEquals(0, ParquetFolders.rowCount(fs, conf, new Path(folder)));
        Files.createDirectories(tmp.resolve("bare"));
        assertEquals(0, ParquetFolders.rowCount(fs, conf, new Path(tmp.resolve("bare").toString())));
    }
}
