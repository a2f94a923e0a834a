package dev.edgec.cli.command;

import dev.edgec.cli.CliException;

/** A {@code NAME=VALUE} option argument, split at the first {@code =}. */
record NameValue(String name, String value) {
    static NameValue parse(String option, String arg, String valueLabel) {
        int eq = arg.indexOf('=');
        if (eq <= 0 || eq == arg.length() - 1) {
            throw CliException.usage(option + " '" + arg + "' must look like NAME=" + valueLabel);
        }
        return new NameValue(arg.substring(0, eq), arg.substring(eq + 1));
    }
}
