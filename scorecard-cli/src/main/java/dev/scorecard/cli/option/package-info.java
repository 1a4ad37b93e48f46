/** Option groups shared by several commands, as picocli mixins. */
package dev.scorecard.cli.option;
