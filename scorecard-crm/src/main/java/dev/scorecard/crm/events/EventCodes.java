package dev.scorecard.crm.events;

/**
 * The codes events carry for their type and property values: a log's as it is read, or a live
 * feed's as events arrive. Codes are handed out in order of first sight, so they say nothing about
 * order; whoever sorts by them sorts by the names.
 */
public interface EventCodes {
    /** @return the number of event types seen so far; codes are 0 to this, exclusive */
    int typeCount();

    /** @return the type with that code */
    String typeName(int code);

    /** @return the number of values property {@code property} has had so far; codes are 0 to this, exclusive */
    int propertyCount(int property);

    /** @return the text of property {@code property}'s value with that code */
    String propertyValue(int property, int code);

    /**
     * @param property a property slot
     * @param text a value
     * @return its code, given now when none had it yet; -1 for a blank value
     */
    int propertyCode(int property, String text);
}
