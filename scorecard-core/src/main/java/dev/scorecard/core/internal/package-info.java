/**
 * Shared code that is not part of the public API: it may change in any release. Kept in its own
 * package so that other modules of this project can use it without widening the public surface.
 */
package dev.scorecard.core.internal;
