/** Runnable examples of the Java API; compiled and run by the build so they never go stale. */
package dev.scorecard.examples;
