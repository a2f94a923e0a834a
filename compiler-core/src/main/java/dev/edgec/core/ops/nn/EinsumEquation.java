package dev.edgec.core.ops.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Einsum equation without ellipsis: the subscript letters of each operand and of the output
 * (explicit after "->", or implicitly the letters used exactly once, in alphabetical order), and the
 * letters summed over (used by operands but not by the output).
 */
record EinsumEquation(List<String> operands, String output, String reduced) {

    /** Parses {@code equation}; throws IllegalArgumentException with the reason when it is malformed or uses "...". */
    static EinsumEquation parse(String equation, int inputCount) {
        String eq = equation.replace(" ", "");
        if (eq.contains(".")) {
            throw new UnsupportedOperationException("ellipsis ('...') in the equation is not supported");
        }
        String lhs = eq;
        String out = null;
        int arrow = eq.indexOf("->");
        if (arrow >= 0) {
            lhs = eq.substring(0, arrow);
            out = eq.substring(arrow + 2);
        }
        List<String> operands = List.of(lhs.split(",", -1));
        if (operands.size() != inputCount) {
            throw new IllegalArgumentException("the equation has " + operands.size() + " operands but the node has "
                    + inputCount + " inputs");
        }
        Map<Character, Integer> uses = new TreeMap<>();
        for (String op : operands) {
            for (char ch : op.toCharArray()) {
                if (!Character.isLetter(ch)) {
                    throw new IllegalArgumentException("'" + ch + "' is not a subscript letter");
                }
                uses.merge(ch, 1, Integer::sum);
            }
        }
        if (out == null) {
            StringBuilder sb = new StringBuilder();
            uses.forEach((ch, n) -> {
                if (n == 1) {
                    sb.append(ch);
                }
            });
            out = sb.toString();
        }
        Map<Character, Boolean> seen = new LinkedHashMap<>();
        for (char ch : out.toCharArray()) {
            if (!uses.containsKey(ch)) {
                throw new IllegalArgumentException("output letter '" + ch + "' appears in no operand");
            }
            if (seen.put(ch, true) != null) {
                throw new IllegalArgumentException("output letter '" + ch + "' appears twice");
            }
        }
        StringBuilder reduced = new StringBuilder();
        for (char ch : uses.keySet()) {
            if (out.indexOf(ch) < 0) {
                reduced.append(ch);
            }
        }
        return new EinsumEquation(new ArrayList<>(operands), out, reduced.toString());
    }
}
