package dev.edgec.cli.report;

import dev.edgec.ir.DataType;
import dev.edgec.ir.Tensor;
import java.util.Locale;

/** Formats tensor values for people: integers exactly, floats with 6 significant digits and no trailing zeros. */
public final class Numbers {
    private Numbers() {
    }

    public static String format(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.6g", v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : "e" + Integer.parseInt(s.substring(e + 1));
        if (mantissa.indexOf('.') >= 0) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** Element {@code i} of raw tensor data, formatted for its type (uint64 beyond 2^63 included). */
    public static String element(Tensor t, int i) {
        DataType dt = t.dataType();
        if (dt == DataType.UINT64) {
            return Long.toUnsignedString(t.getLong(i));
        }
        if (dt == DataType.BOOL) {
            return t.getLong(i) != 0 ? "true" : "false";
        }
        return dt.isFloating() ? format(t.getDouble(i)) : Long.toString(t.getLong(i));
    }
}
