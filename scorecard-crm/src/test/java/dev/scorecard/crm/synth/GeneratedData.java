package dev.scorecard.crm.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A generated dataset read back with plain string splitting, independently of the generator's code. */
final class GeneratedData {
    final Path dir;
    final GenerationSummary summary;
    final List<String[]> leads;
    final List<String> eventLines;
    final List<String[]> orders;
    final List<String[]> truthLeads;
    final List<String[]> channels;
    final JsonNode model;
    final Map<String, Integer> leadIndex = new HashMap<>();

    private GeneratedData(Path dir, GenerationSummary summary) throws IOException {
        this.dir = dir;
        this.summary = summary;
        leads = rows(dir.resolve("leads.csv"));
        eventLines = Files.readAllLines(dir.resolve("events.csv"), StandardCharsets.UTF_8);
        orders = rows(dir.resolve("orders.csv"));
        truthLeads = rows(dir.resolve("truth/leads.csv"));
        channels = rows(dir.resolve("truth/channels.csv"));
        model = new ObjectMapper().readTree(dir.resolve("truth/model.json").toFile());
        for (int i = 1; i < leads.size(); i++) {
            leadIndex.put(leads.get(i)[0], i);
        }
    }

    static GeneratedData generate(Path dir, CrmGeneratorOptions options) {
        try {
            return new GeneratedData(dir, new CrmGenerator(options).generate(dir, (p, d, t) -> { }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the rows, the header first, each split on commas keeping empty fields */
    static List<String[]> rows(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }
}
