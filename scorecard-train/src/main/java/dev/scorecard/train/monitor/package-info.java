/**
 * Monitoring a live scorecard (SPEC §9): score PSI, CSI, WOE shift, missing shares and unseen levels
 * of current rows against the training baseline stored in the model file, overall and per period,
 * with performance against training when the outcome is known; and, apart, the CSI of the binned
 * candidates the model does not use ({@link dev.scorecard.train.monitor.NonModelDrift}).
 */
package dev.scorecard.train.monitor;
