package dev.scorecard.crm.blend;

import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.DoubleFormat;
import dev.scorecard.crm.events.InputFormat;
import dev.scorecard.crm.events.LeadTable;
import dev.scorecard.crm.rules.ChannelStart;
import dev.scorecard.train.io.OutputSet;
import dev.scorecard.train.io.RejectsStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The leads and each configured part's value per lead on 0–100, read as {@code scorecard blend} reads
 * them (and {@code blend fit}, so that the weights are fitted on the values they will blend): the
 * channel score times 10 from its table, the rules' and the model's from their files, rejects into the
 * run's output set, and the reject shares checked.
 */
final class PartValues {
    final LeadTable leads;
    /** The parts configured, in {@link Part} order. */
    final List<BlendSpec.PartSpec> parts;
    /** Part p's value of lead i in hundredths of 0–100 at {@code values[p][i]}, -1 where it is absent. */
    final long[][] values;
    /** Part p's file as read, null for the channel part. */
    final PartFile[] files;
    /** The rejects files that have rows: the leads' first, then the parts'. */
    final List<Path> rejectsWritten;

    private PartValues(LeadTable leads, List<BlendSpec.PartSpec> parts, long[][] values, PartFile[] files,
            List<Path> rejectsWritten) {
        this.leads = leads;
        this.parts = parts;
        this.values = values;
        this.files = files;
        this.rejectsWritten = rejectsWritten;
    }

    /**
     * @param spec the blend
     * @param leadsFile the leads
     * @param channels the channel table, if any
     * @param rulesScores the rules' scores, if any
     * @param modelScores the model's scores, if any
     * @param format the leads file's format
     * @param maxRejectShare the largest share of any file's rows that may be rejected
     * @param set the run's outputs, with the rejects files of {@link BlendWorkflow} in {@code dir}
     * @param dir the output folder
     * @param output the run's main output, for the message when too much is rejected
     * @return the values
     * @throws IllegalArgumentException when a configured part has no file or a file no part
     * @throws InputDataException for bad input or too many rejects (after committing the rejects alone)
     */
    static PartValues read(BlendSpec spec, Path leadsFile, Optional<Path> channels, Optional<Path> rulesScores,
            Optional<Path> modelScores, InputFormat format, double maxRejectShare, OutputSet set, Path dir, Path output)
            throws IOException {
        Map<Part, Optional<Path>> files = new EnumMap<>(Part.class);
        files.put(Part.CHANNEL, channels);
        files.put(Part.RULES, rulesScores);
        files.put(Part.MODEL, modelScores);
        for (Part p : Part.values()) {
            String option = BlendWorkflow.option(p);
            if (spec.parts().containsKey(p) && files.get(p).isEmpty()) {
                throw new IllegalArgumentException(option + ": " + spec.file() + " blends parts." + p.configName
                        + " (line " + spec.parts().get(p).line() + "); give its file with " + option);
            }
            if (!spec.parts().containsKey(p) && files.get(p).isPresent()) {
                throw new IllegalArgumentException(option + ": " + spec.file() + " has no parts." + p.configName
                        + ": give it a weight there, or leave " + option + " out");
            }
        }
        Optional<ChannelStart> table = channels.map(ChannelStart::read);
        RejectsStream[] leadRejects = new RejectsStream[1];
        LeadTable leads = LeadTable.read(leadsFile, format,
                h -> leadRejects[0] = new RejectsStream(set, dir.resolve(BlendWorkflow.LEAD_REJECTS_CSV), h));
        List<BlendSpec.PartSpec> parts = spec.ordered();
        int n = parts.size();
        long[][] values = new long[n][];
        PartFile[] partFiles = new PartFile[n];
        for (int p = 0; p < n; p++) {
            Part part = parts.get(p).part();
            if (part == Part.CHANNEL) {
                int[] s = table.orElseThrow().scores(leads);
                values[p] = new long[s.length];
                for (int i = 0; i < s.length; i++) {
                    values[p][i] = s[i] < 0 ? -1 : s[i] * 10 * 100L;
                }
            } else {
                partFiles[p] = PartFile.read(files.get(part).orElseThrow(), parts.get(p), leads, set, rejects(dir, part));
                values[p] = partFiles[p].values;
            }
        }
        List<Path> written = new ArrayList<>();
        leadRejects[0].close();
        if (leads.rowsRejected() > 0) {
            written.add(dir.resolve(BlendWorkflow.LEAD_REJECTS_CSV));
        }
        for (int p = 0; p < n; p++) {
            if (partFiles[p] != null && partFiles[p].rowsRejected > 0) {
                written.add(rejects(dir, parts.get(p).part()));
            }
        }
        checkShare(set, leadsFile, leads.rowsRejected(), leads.rowsRead(), maxRejectShare,
                dir.resolve(BlendWorkflow.LEAD_REJECTS_CSV), output);
        for (int p = 0; p < n; p++) {
            if (partFiles[p] != null) {
                checkShare(set, partFiles[p].file, partFiles[p].rowsRejected, partFiles[p].rowsRead, maxRejectShare,
                        rejects(dir, parts.get(p).part()), output);
            }
        }
        return new PartValues(leads, parts, values, partFiles, List.copyOf(written));
    }

    private static Path rejects(Path dir, Part part) {
        return dir.resolve(part == Part.RULES ? BlendWorkflow.RULES_REJECTS_CSV : BlendWorkflow.MODEL_REJECTS_CSV);
    }

    private static void checkShare(OutputSet set, Path input, long rejected, long read, double maxShare, Path rejectsFile,
            Path out) throws IOException {
        if (read > 0 && (double) rejected / read > maxShare) {
            set.commit(); // the rejects alone: an earlier run's outputs do not stay beside them
            throw new InputDataException(input.toString(), 0, null, String.format(Locale.ROOT,
                    "%d of %d rows (%.2f %%) could not be used, over --max-reject-share %s; nothing was written to %s;"
                    + " see %s", rejected, read, 100.0 * rejected / read, DoubleFormat.format(maxShare), out,
                    rejectsFile));
        }
    }
}
