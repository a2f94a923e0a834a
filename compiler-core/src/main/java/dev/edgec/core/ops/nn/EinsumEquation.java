package dev.edgec.core.ops.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed Einsum equation: the subscript letters of each operand and of the output (explicit after
 * "->", or implicitly the ellipsis dimensions then the letters used exactly once, in alphabetical
 * order), and the letters summed over (used by operands but not by the output). An ellipsis is
 * replaced by one letter per dimension it covers, taken from {@link #ELLIPSIS} and aligned to the
 * right across operands, so that those dimensions broadcast like numpy's.
 */
record EinsumEquation(List<String> operands, String output, String reduced) {
    /** First of the letters that stand for ellipsis dimensions (Greek capitals: not valid in ONNX equations). */
    static final char ELLIPSIS = '\u0391';

    static boolean isEllipsisLetter(char ch) {
        return ch >= ELLIPSIS && ch < ELLIPSIS + 24;
    }

    /** Parses {@code equation} for inputs of the given ranks; throws IllegalArgumentException with the reason. */
    static EinsumEquation parse(String equation, int[] ranks) {
        String eq = equation.replace(" ", "");
        for (char ch : eq.toCharArray()) {
            if (ch > 127) {
                throw new IllegalArgumentException("'" + ch + "' is not a subscript letter");
            }
        }
        String lhs = eq;
        String out = null;
        int arrow = eq.indexOf("->");
        if (arrow >= 0) {
            lhs = eq.substring(0, arrow);
            out = eq.substring(arrow + 2);
        }
        List<String> operands = new ArrayList<>(List.of(lhs.split(",", -1)));
        if (operands.size() != ranks.length) {
            throw new IllegalArgumentException("the equation has " + operands.size() + " operands but the node has "
                    + ranks.length + " inputs");
        }
        int ellipsisRank = 0;
        for (int i = 0; i < operands.size(); i++) {
            String op = operands.get(i);
            if (op.contains("...")) {
                int covered = ranks[i] - (op.length() - 3);
                if (covered < 0 || op.indexOf("...") != op.lastIndexOf("...")) {
                    throw new IllegalArgumentException("operand " + i + " '" + op + "' does not fit rank " + ranks[i]);
                }
                ellipsisRank = Math.max(ellipsisRank, covered);
            }
        }
        if (ellipsisRank > 24) {
            throw new IllegalArgumentException("the ellipsis covers more than 24 dimensions");
        }
        StringBuilder all = new StringBuilder();
        for (int e = 0; e < ellipsisRank; e++) {
            all.append((char) (ELLIPSIS + e));
        }
        for (int i = 0; i < operands.size(); i++) {
            String op = operands.get(i);
            if (op.contains("...")) {
                int covered = ranks[i] - (op.length() - 3);
                operands.set(i, op.replace("...", all.substring(ellipsisRank - covered)));
            }
        }
        if (out != null && out.contains("...")) {
            out = out.replace("...", all);
        }
        Map<Character, Integer> uses = new TreeMap<>();
        for (String op : operands) {
            for (char ch : op.toCharArray()) {
                boolean ascii = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
                if (!ascii && !isEllipsisLetter(ch)) {
                    throw new IllegalArgumentException("'" + ch + "' is not a subscript letter");
                }
                uses.merge(ch, 1, Integer::sum);
            }
        }
        if (out == null) {
            StringBuilder sb = new StringBuilder(all);
            uses.forEach((ch, n) -> {
                if (n == 1 && !isEllipsisLetter(ch)) {
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
        return new EinsumEquation(operands, out, reduced.toString());
    }
}
