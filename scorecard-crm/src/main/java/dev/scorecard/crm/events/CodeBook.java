package dev.scorecard.crm.events;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The codes of event types and property values, handed out in order of first sight: what a log
 * builds as it reads and a live feed as events arrive. The type names may be read from another
 * thread while codes are added (a log's sink thread reads them); the rest is not thread-safe.
 */
public final class CodeBook implements EventCodes {
    private final List<String> types = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> typeCodes = new HashMap<>();
    private final List<List<String>> propertyValues = new ArrayList<>();
    private final List<Map<String, Integer>> propertyCodes = new ArrayList<>();
    private long additions;

    /** @param properties the number of property slots */
    public CodeBook(int properties) {
        for (int p = 0; p < properties; p++) {
            propertyValues.add(new ArrayList<>());
            propertyCodes.add(new HashMap<>());
        }
    }

    /**
     * @param type an event type
     * @return its code, given now when none had it yet
     */
    public int typeCode(String type) {
        Integer code = typeCodes.get(type);
        if (code == null) {
            code = types.size();
            types.add(type);
            typeCodes.put(type, code);
            additions++;
        }
        return code;
    }

    @Override
    public int propertyCode(int property, String text) {
        if (text.isEmpty()) {
            return -1;
        }
        Map<String, Integer> codes = propertyCodes.get(property);
        Integer code = codes.get(text);
        if (code == null) {
            code = codes.size();
            codes.put(text, code);
            propertyValues.get(property).add(text);
            additions++;
        }
        return code;
    }

    /** @return the number of property slots */
    int properties() {
        return propertyCodes.size();
    }

    /** @return the types in code order */
    List<String> types() {
        return List.copyOf(types);
    }

    /** @return property {@code p}'s values in code order */
    List<String> values(int p) {
        return List.copyOf(propertyValues.get(p));
    }

    /** @return how many codes have been handed out: it changes when, and only when, a type or value is new */
    public long additions() {
        return additions;
    }

    @Override
    public int typeCount() {
        return types.size();
    }

    @Override
    public String typeName(int code) {
        return types.get(code);
    }

    @Override
    public int propertyCount(int property) {
        return propertyValues.get(property).size();
    }

    @Override
    public String propertyValue(int property, int code) {
        return propertyValues.get(property).get(code);
    }
}
