package dev.edgec.cli.io;

import dev.edgec.cli.CliException;
import dev.edgec.core.abi.ModuleSignature;
import dev.edgec.wasm.SectionReader;
import dev.edgec.wasm.SectionReader.Section;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A module file read from disk: its bytes, its section list and, if it has one, its
 * {@code edgec.signature}. A file that is not a wasm binary, or whose signature is malformed, is an
 * invalid module (exit code 4).
 *
 * @param signature empty for a wasm module that edgec did not compile
 */
public record ModuleFile(Path path, byte[] bytes, List<Section> sections, Optional<ModuleSignature> signature) {
    public ModuleFile {
        sections = List.copyOf(sections);
    }

    public static ModuleFile read(Path path) {
        byte[] bytes;
        try {
            if (Files.isDirectory(path)) {
                throw CliException.io("cannot read module '" + path + "': it is a folder");
            }
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw CliException.io("cannot read module '" + path + "': " + IoErrors.reason(e));
        }
        List<Section> sections;
        try {
            sections = SectionReader.sections(bytes);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidModule("'" + path + "' is not a WebAssembly module: " + e.getMessage());
        }
        Optional<ModuleSignature> signature = sections.stream()
                .filter(s -> s.id() == 0 && s.name().equals(ModuleSignature.SECTION_NAME)).findFirst()
                .map(s -> parseSignature(path, bytes, s));
        return new ModuleFile(path, bytes, sections, signature);
    }

    /** The signature, or an invalid-module error saying the module was not compiled by edgec. */
    public ModuleSignature requireSignature() {
        return signature.orElseThrow(() -> CliException.invalidModule("'" + path + "' has no "
                + ModuleSignature.SECTION_NAME + " section; it was not compiled by edgec"));
    }

    /** The {@code edgec.signature} section's JSON text exactly as the module holds it. */
    public Optional<String> signatureJson() {
        return sections.stream().filter(s -> s.id() == 0 && s.name().equals(ModuleSignature.SECTION_NAME)).findFirst()
                .map(s -> new String(bytes, s.contentOffset(), s.contentSize(), java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Total bytes of all sections with the given id (id and size prefix included). */
    public long sectionBytes(int id) {
        return sections.stream().filter(s -> s.id() == id).mapToLong(Section::totalBytes).sum();
    }

    private static ModuleSignature parseSignature(Path path, byte[] bytes, Section s) {
        byte[] json = java.util.Arrays.copyOfRange(bytes, s.contentOffset(), s.contentOffset() + s.contentSize());
        try {
            return ModuleSignature.parse(json);
        } catch (IllegalArgumentException e) {
            throw CliException.invalidModule("'" + path + "': " + e.getMessage());
        }
    }
}
