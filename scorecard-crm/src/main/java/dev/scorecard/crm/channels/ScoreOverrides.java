package dev.scorecard.crm.channels;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.scorecard.core.InputDataException;
import dev.scorecard.core.internal.NearestName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The experts' table of scores that replace computed ones, read from YAML:
 * <pre>
 * channels:
 *   referral: 9              # the channel's score
 *   agent_x:
 *     score: 2               # optional
 *     sub_channels:
 *       vip: 7               # one sub-channel's score
 *   "(unseen)": 3            # channels not in the history
 * </pre>
 * Scores are whole numbers from 0 to 10. The file is read with Jackson's streaming YAML parser, so
 * every error names the line and the dotted key ({@code channels.agent_x.sub_channels.vip}), as the
 * config reader's do; a key given twice is an error rather than a silent last-one-wins. Names are
 * checked against the leads in {@link #check}, once they are counted. Immutable.
 */
final class ScoreOverrides {
    /** The channel name that overrides the score of channels not in the history. */
    static final String UNSEEN = "(unseen)";

    /**
     * One score from the table.
     *
     * @param channel the channel
     * @param subChannel the sub-channel, or empty for the channel's own score
     * @param score 0 to 10
     * @param line the line of its key
     */
    record Entry(String channel, String subChannel, int score, long line) {
        String key() {
            return "channels." + channel + (subChannel.isEmpty() ? "" : ".sub_channels." + subChannel);
        }
    }

    private final String file;
    private final List<Entry> entries;

    private ScoreOverrides(String file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /** @return a table without entries */
    static ScoreOverrides none() {
        return new ScoreOverrides("", List.of());
    }

    /**
     * @param path the YAML file
     * @return its entries
     * @throws InputDataException naming the file, line and key of anything that is not a table as above
     */
    static ScoreOverrides read(Path path) {
        String name = path.toString();
        try {
            byte[] yaml = Files.readAllBytes(path);
            try (JsonParser p = new YAMLFactory().createParser(yaml)) {
                return new ScoreOverrides(name, new Reader(name, p).document());
            }
        } catch (NoSuchFileException e) {
            throw new InputDataException(name, 0, null, "overrides file not found");
        } catch (JacksonException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InputDataException(name, line, null, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputDataException(name, 0, null, "cannot read: " + e.getMessage());
        }
    }

    /** @return the entries, in file order */
    List<Entry> entries() {
        return entries;
    }

    /** @return the channel's own overridden score */
    OptionalInt channel(String channel) {
        return find(channel, "");
    }

    /** @return the sub-channel's overridden score */
    OptionalInt subChannel(String channel, String subChannel) {
        return subChannel.isEmpty() ? OptionalInt.empty() : find(channel, subChannel);
    }

    private OptionalInt find(String channel, String subChannel) {
        for (Entry e : entries) {
            if (e.channel().equals(channel) && e.subChannel().equals(subChannel)) {
                return OptionalInt.of(e.score());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * @param subChannels the sub-channels of every channel counted (a channel without sub-channels maps
     *     to an empty set)
     * @throws InputDataException for the first entry naming a channel or sub-channel not in the leads
     */
    void check(Map<String, ? extends Collection<String>> subChannels) {
        for (Entry e : entries) {
            if (e.channel().equals(UNSEEN)) {
                if (!e.subChannel().isEmpty()) {
                    throw error(e, "channels not in the history have no sub-channels; give " + UNSEEN + " a score");
                }
                continue;
            }
            Collection<String> subs = subChannels.get(e.channel());
            if (subs == null) {
                List<String> known = new ArrayList<>(subChannels.keySet());
                known.add(UNSEEN);
                throw new InputDataException(file, e.line(), null, "key 'channels." + e.channel() + "': no channel '"
                        + e.channel() + "' in the leads" + NearestName.didYouMean(e.channel(), known));
            }
            if (!e.subChannel().isEmpty() && !subs.contains(e.subChannel())) {
                throw error(e, "channel '" + e.channel() + "' has no sub-channel '" + e.subChannel() + "' in the leads"
                        + NearestName.didYouMean(e.subChannel(), subs));
            }
        }
    }

    private InputDataException error(Entry e, String problem) {
        return new InputDataException(file, e.line(), null, "key '" + e.key() + "': " + problem);
    }

    /** The streaming reader of the document. */
    private static final class Reader {
        private final String file;
        private final JsonParser p;
        private final List<Entry> entries = new ArrayList<>();

        Reader(String file, JsonParser p) {
            this.file = file;
            this.p = p;
        }

        List<Entry> document() throws IOException {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                return entries;
            }
            if (t != JsonToken.START_OBJECT) {
                throw new InputDataException(file, line(), null, "an overrides file is a mapping with the key 'channels'");
            }
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                long keyLine = line();
                once(seen, key, key, keyLine);
                if (!key.equals("channels")) {
                    throw new InputDataException(file, keyLine, null, "key '" + key + "': unknown key; the only key is channels"
                            + NearestName.didYouMean(key, List.of("channels")));
                }
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_NULL) {
                    continue;
                }
                if (v != JsonToken.START_OBJECT) {
                    throw new InputDataException(file, keyLine, null, "key 'channels': must be a mapping of channel names to "
                            + "scores, got " + describe(v));
                }
                channels();
            }
            return entries;
        }

        private void channels() throws IOException {
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String channel = p.currentName();
                String key = "channels." + channel;
                long keyLine = line();
                once(seen, channel, key, keyLine);
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_OBJECT) {
                    channelMapping(channel, key);
                } else {
                    entries.add(new Entry(channel, "", score(v, key, keyLine), keyLine));
                }
            }
        }

        private void channelMapping(String channel, String prefix) throws IOException {
            Set<String> seen = new HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                String key = prefix + "." + name;
                long keyLine = line();
                once(seen, name, key, keyLine);
                JsonToken v = p.nextToken();
                if (name.equals("score")) {
                    entries.add(new Entry(channel, "", score(v, key, keyLine), keyLine));
                } else if (name.equals("sub_channels")) {
                    if (v != JsonToken.START_OBJECT) {
                        throw new InputDataException(file, keyLine, null, "key '" + key
                                + "': must be a mapping of sub-channel names to scores, got " + describe(v));
                    }
                    Set<String> subs = new HashSet<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String sub = p.currentName();
                        String subKey = key + "." + sub;
                        long subLine = line();
                        once(subs, sub, subKey, subLine);
                        entries.add(new Entry(channel, sub, score(p.nextToken(), subKey, subLine), subLine));
                    }
                } else {
                    throw new InputDataException(file, keyLine, null, "key '" + key
                            + "': unknown key; known keys are score, sub_channels"
                            + NearestName.didYouMean(name, List.of("score", "sub_channels")));
                }
            }
        }

        private int score(JsonToken v, String key, long keyLine) throws IOException {
            if (v == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
                int s = p.getIntValue();
                if (s >= 0 && s <= ScoreMapping.MAX_SCORE) {
                    return s;
                }
            }
            String got = v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT ? p.getText()
                    : describe(v);
            if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
                p.skipChildren();
            }
            throw new InputDataException(file, keyLine, null, "key '" + key + "': must be a whole number from 0 to 10, got "
                    + got);
        }

        private void once(Set<String> seen, String name, String key, long keyLine) {
            if (!seen.add(name)) {
                throw new InputDataException(file, keyLine, null, "key '" + key + "': given twice");
            }
        }

        private String describe(JsonToken v) throws IOException {
            return switch (v) {
                case START_OBJECT -> "a mapping";
                case START_ARRAY -> "a list";
                case VALUE_NULL -> "nothing";
                case VALUE_STRING -> "the text '" + p.getText() + "'";
                default -> p.getText();
            };
        }

        private long line() {
            return p.currentTokenLocation().getLineNr();
        }
    }

    /** @return the file read, or empty for {@link #none} */
    Optional<String> file() {
        return file.isEmpty() ? Optional.empty() : Optional.of(file);
    }
}
