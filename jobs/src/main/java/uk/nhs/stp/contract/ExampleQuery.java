package uk.nhs.stp.contract;

/**
 * A worked example of reading a mart, declared by its contract ({@code "example"}): the question a
 * regional analyst might ask and the SQL that answers it with {@code stp query}. Rendered in the data
 * dictionary; a test runs every one against a built warehouse, so none can rot.
 *
 * @param question the question, one sentence
 * @param sql      a SELECT or WITH query over the marts, each a view under its own name
 */
public record ExampleQuery(String question, String sql) { }
