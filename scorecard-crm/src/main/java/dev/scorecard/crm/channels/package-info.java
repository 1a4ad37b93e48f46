/** The channel initial score: conversion per channel shrunk by an empirical-Bayes prior, mapped to 0–10. */
package dev.scorecard.crm.channels;
