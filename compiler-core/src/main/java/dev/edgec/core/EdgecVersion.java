package dev.edgec.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The compiler's version, from the build. */
public final class EdgecVersion {
    public static final String VERSION = load();

    private EdgecVersion() {
    }

    private static String load() {
        try (InputStream in = EdgecVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
