package uk.nhs.stp.ingest.cancer;

import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import uk.nhs.stp.ingest.source.FileRejectedException;

import javax.xml.parsers.ParserConfigurationException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An XLSX workbook read in streaming mode: the sheet names up front, then each sheet's rows
 * pushed one at a time to a {@link RowHandler} by a SAX parse of the sheet XML. The workbook
 * object model is never built (it is memory hungry and fails on workbooks with a dangling
 * drawing part, as the Cancer Waiting Times workbooks have).
 *
 * <p>Cells are read as stored, not as displayed: numbers come as their stored decimal text
 * ({@code 203.5}, {@code 2.06E-2}), so a display format can never round a count.
 */
final class XlsxWorkbook implements Closeable {

    /** Receives the rows of one sheet. */
    interface RowHandler {
        /**
         * One row that has at least one cell.
         *
         * @param rowNumber the sheet row number (1-based, as Excel shows it)
         * @param cells     cell texts by 0-based column (column A = 0), null where there is no cell
         * @return false to stop reading the sheet
         */
        boolean row(long rowNumber, String[] cells) throws FileRejectedException;
    }

    private final OPCPackage pkg;
    private final SharedStrings strings;
    /** The sheets' XML parts by sheet name, in workbook order. */
    private final Map<String, PackagePart> sheets;

    private XlsxWorkbook(OPCPackage pkg, SharedStrings strings, Map<String, PackagePart> sheets) {
        this.pkg = pkg;
        this.strings = strings;
        this.sheets = sheets;
    }

    /** Opens the workbook held in {@code in}; the caller closes both. */
    static XlsxWorkbook open(InputStream in) throws IOException, FileRejectedException {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(in);
            XSSFReader reader = new XSSFReader(pkg);
            SharedStrings strings = new CachedStrings(new ReadOnlySharedStringsTable(pkg));
            Map<String, PackagePart> sheets = new LinkedHashMap<>();
            XSSFReader.SheetIterator it = reader.getSheetIterator();
            while (it.hasNext()) {
                try (InputStream ignored = it.next()) {
                    sheets.put(it.getSheetName(), it.getSheetPart());
                }
            }
            return new XlsxWorkbook(pkg, strings, sheets);
        } catch (OpenXML4JException | OpenXML4JRuntimeException | NotOfficeXmlFileException | POIXMLException
                 | SAXException e) {
            if (pkg != null) pkg.revert();
            throw unreadable(e);
        } catch (IOException | RuntimeException e) {
            if (pkg != null) pkg.revert();
            throw e;
        }
    }

    /** The sheet names in workbook order. */
    List<String> sheetNames() { return List.copyOf(sheets.keySet()); }

    /** Streams the rows of sheet {@code name} to {@code handler}; a sheet not in the workbook reads nothing. */
    void readSheet(String name, RowHandler handler) throws IOException, FileRejectedException {
        PackagePart part = sheets.get(name);
        if (part == null) return;
        try (InputStream sheet = part.getInputStream()) {
            XMLReader parser = XMLHelper.newXMLReader();
            // no styles table: numbers then arrive as stored, never through a display format
            parser.setContentHandler(new XSSFSheetXMLHandler(null, null, strings, new Rows(handler),
                    new DataFormatter(), false));
            parser.parse(new InputSource(sheet));
        } catch (StopReading stop) {
            if (stop.rejection != null) throw stop.rejection;
        } catch (POIXMLException | SAXException | ParserConfigurationException e) {
            throw unreadable(e);
        }
    }

    private static FileRejectedException unreadable(Exception e) {
        return new FileRejectedException("unreadable_workbook", "is not a readable Excel workbook ("
                + e.getClass().getSimpleName() + ": " + e.getMessage()
                + "); open it in Excel, save it as .xlsx and land it again");
    }

    @Override
    public void close() {
        // read-only: revert closes the package without writing anything back
        pkg.revert();
    }

    /**
     * Shared strings whose rich-text wrappers are built once each: the table builds a new one on
     * every lookup, and provider names and breakdowns repeat on thousands of rows.
     */
    private static final class CachedStrings implements SharedStrings {
        private final SharedStrings table;
        private final RichTextString[] cache;

        CachedStrings(SharedStrings table) {
            this.table = table;
            this.cache = new RichTextString[Math.max(0, table.getUniqueCount())];
        }

        @Override
        public RichTextString getItemAt(int idx) {
            if (idx < 0 || idx >= cache.length) return table.getItemAt(idx);
            if (cache[idx] == null) cache[idx] = table.getItemAt(idx);
            return cache[idx];
        }

        @Override
        public int getCount() { return table.getCount(); }

        @Override
        public int getUniqueCount() { return table.getUniqueCount(); }
    }

    /** Ends a SAX parse early, carrying the handler's rejection of the file if there is one. */
    private static final class StopReading extends RuntimeException {
        private final FileRejectedException rejection;

        StopReading(FileRejectedException rejection) {
            super(null, null, false, false);
            this.rejection = rejection;
        }
    }

    /** Collects the cells of each row and hands the row over when it ends. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private String[] cells = new String[32];
        private int width;
        private int lastColumn;

        Rows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            Arrays.fill(cells, 0, width, null);
            width = 0;
            lastColumn = -1;
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            // a cell without a reference follows the previous one
            int column = reference == null ? lastColumn + 1 : column(reference);
            lastColumn = column;
            if (column >= cells.length) cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            cells[column] = value;
            width = Math.max(width, column + 1);
        }

        @Override
        public void endRow(int rowNum) {
            if (width == 0) return;
            boolean more;
            try {
                more = handler.row(rowNum + 1L, Arrays.copyOf(cells, width));
            } catch (FileRejectedException e) {
                throw new StopReading(e);
            }
            if (!more) throw new StopReading(null);
        }

        private static int column(String reference) {
            int column = 0;
            for (int i = 0; i < reference.length(); i++) {
                char c = reference.charAt(i);
                if (c < 'A' || c > 'Z') break;
                column = column * 26 + (c - 'A' + 1);
            }
            return column - 1;
        }
    }
}
