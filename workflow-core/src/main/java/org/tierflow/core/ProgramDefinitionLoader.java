package org.tierflow.core;

import java.io.Reader;
import java.nio.file.Path;

import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.tierflow.core.internal.program.YamlProgramReader;

/**
 * Reads a program definition from YAML and validates it. The format is described in
 * {@code docs/reference/program-definition.md}.
 *
 * <p>Every method either returns a definition the engine can run or throws a {@link ProgramDefinitionException}
 * listing <em>every</em> problem in the file, each with its line, column and field path, in Chinese and English.
 * Files are read as UTF-8.
 */
public final class ProgramDefinitionLoader {

    private ProgramDefinitionLoader() {
    }

    /**
     * Loads a definition file. Problems name the file as {@code file.toString()}.
     *
     * @throws ProgramDefinitionException when the file is missing, unreadable or invalid
     */
    public static ProgramDefinition load(Path file) {
        return YamlProgramReader.read(file);
    }

    /**
     * Loads a definition from the classpath, e.g. {@code org/tierflow/programs/ningxia.yaml}, through the thread
     * context class loader, falling back to the class loader of this library. Problems name the resource path.
     *
     * @throws ProgramDefinitionException when there is no such resource, or it is invalid
     */
    public static ProgramDefinition loadClasspath(String resourcePath) {
        return YamlProgramReader.readClasspath(resourcePath, Thread.currentThread().getContextClassLoader(),
                ProgramDefinitionLoader.class.getClassLoader());
    }

    /**
     * Loads a definition from a reader, which the caller closes.
     *
     * @param sourceName how problems name the source, e.g. a file name
     * @throws ProgramDefinitionException when the definition is invalid
     */
    public static ProgramDefinition load(String sourceName, Reader reader) {
        return YamlProgramReader.read(sourceName, reader);
    }
}
