/**
 * Reading the lead side's YAML specs (features, and later rules and plans) with the line of every
 * key and item, so that an error names the file, the line and the key ({@code features[3].window}).
 */
package dev.scorecard.crm.spec;
