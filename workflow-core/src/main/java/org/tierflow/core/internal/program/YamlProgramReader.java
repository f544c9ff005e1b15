package org.tierflow.core.internal.program;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

import org.tierflow.core.api.program.ProgramDefinition;
import org.tierflow.core.api.program.ProgramDefinitionException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads program definitions for {@link org.tierflow.core.ProgramDefinitionLoader}: composes the YAML
 * into a node tree with positions (SnakeYAML, safe constructor, no object instantiation), walks it and throws a
 * {@link ProgramDefinitionException} with every problem found.
 */
public final class YamlProgramReader {

    static final String SYNTAX = "(syntax)";

    private YamlProgramReader() {
    }

    public static ProgramDefinition read(Path file) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return read(source, utf8(in));
        } catch (NoSuchFileException e) {
            throw single(source, ProblemCode.FILE_NOT_FOUND, e, source);
        } catch (IOException e) {
            throw single(source, ProblemCode.FILE_UNREADABLE, e, e.toString());
        }
    }

    /** Reads a resource through the first loader that has it; {@code null} loaders are skipped. */
    public static ProgramDefinition readClasspath(String resourcePath, ClassLoader... loaders) {
        Objects.requireNonNull(resourcePath, "resourcePath");
        String name = resourcePath.startsWith("/") ? resourcePath.substring(1) : resourcePath;
        URL url = null;
        for (ClassLoader loader : loaders) {
            if (loader != null && url == null) {
                url = loader.getResource(name);
            }
        }
        if (url == null) {
            throw single(resourcePath, ProblemCode.RESOURCE_NOT_FOUND, null, name);
        }
        try (InputStream in = url.openStream()) {
            return read(resourcePath, utf8(in));
        } catch (IOException e) {
            throw single(resourcePath, ProblemCode.FILE_UNREADABLE, e, e.toString());
        }
    }

    public static ProgramDefinition read(String source, Reader reader) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reader, "reader");
        Problems problems = new Problems(source);
        Node root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            root = new Yaml(new SafeConstructor(options)).compose(reader);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.report(mark, SYNTAX, ProblemCode.SYNTAX, syntaxProblem(e));
            throw new ProgramDefinitionException(problems.inFileOrder(), e);
        } catch (YAMLException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                problems.report(0, 0, ProgramParser.DOCUMENT, ProblemCode.FILE_NOT_UTF8);
            } else if (e.getCause() instanceof IOException io) {
                problems.report(0, 0, ProgramParser.DOCUMENT, ProblemCode.FILE_UNREADABLE, io.toString());
            } else {
                problems.report(0, 0, SYNTAX, ProblemCode.SYNTAX, e.getMessage());
            }
            throw new ProgramDefinitionException(problems.inFileOrder(), e);
        }
        if (root == null) {
            problems.report(1, 1, ProgramParser.DOCUMENT, ProblemCode.FILE_EMPTY);
            throw new ProgramDefinitionException(problems.inFileOrder());
        }
        ProgramDefinition definition = new ProgramParser(problems).program(root);
        if (!problems.isEmpty() || definition == null) {
            throw new ProgramDefinitionException(problems.inFileOrder());
        }
        return definition;
    }

    /** SnakeYAML's own words ("mapping values are not allowed here"), with its context when it has one. */
    private static String syntaxProblem(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String context = e.getContext();
        return context == null ? problem : context + ", " + problem;
    }

    /** A strict UTF-8 reader: malformed bytes fail instead of becoming replacement characters. */
    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static ProgramDefinitionException single(String source, ProblemCode code, Throwable cause,
                                                     Object... args) {
        Problems problems = new Problems(source);
        problems.report(0, 0, ProgramParser.DOCUMENT, code, args);
        return new ProgramDefinitionException(problems.inFileOrder(), cause);
    }
}
