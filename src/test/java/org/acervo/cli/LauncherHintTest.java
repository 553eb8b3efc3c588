package org.acervo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A large library built without the launcher is told how to start the build; a small one, or one launched, is not. */
class LauncherHintTest {
    @Test
    void aLargeLibraryBuiltWithPlainJavaIsToldToUseTheLauncher() {
        Path launcher = Path.of("/srv/acervo/target/acervo");
        String hint = BuildCommand.launcherHint(9_304, false, Optional.of(launcher)).orElseThrow();
        assertTrue(hint.contains("sh " + launcher + " build"), hint);
        assertTrue(hint.contains("9,304 pages"), hint);
        assertTrue(BuildCommand.launcherHint(9_304, false, Optional.empty()).orElseThrow().contains("sh target/acervo build"),
                "without a launcher beside the jar, where mvn package writes it");
        assertEquals(Optional.empty(), BuildCommand.launcherHint(9_304, true, Optional.of(launcher)), "started by the launcher");
        assertEquals(Optional.empty(), BuildCommand.launcherHint(BuildCommand.LAUNCHER_PAGES - 1, false, Optional.of(launcher)),
                "a small site starts fast either way");
        assertTrue(BuildCommand.launcherHint(BuildCommand.LAUNCHER_PAGES, false, Optional.empty()).isPresent());
    }
}
