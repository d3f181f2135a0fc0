package descent.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The messages for files the user may not read. The real case (a folder owned by another user) cannot be made
 * here, since tests may run as root, who reads everything; environment/reliability/test_data_folder.sh makes it.
 */
class FileAccessTest {
    @TempDir
    Path dir;

    @Test
    void anUnreadableBatchFileNamesTheOwnerTheModeAndTheFix() throws Exception {
        Path file = Files.write(dir.resolve("data_batch_1.bin"), new byte[3]);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        String owner = Files.getOwner(file).getName();
        AccessDeniedException denied = new AccessDeniedException(file.toString());
        Exception e = FileAccess.cannotRead(file, denied);
        assertEquals("cannot read " + file + ": permission denied (owner " + owner + ", mode 0600). Fix: ask the"
                + " owner (" + owner + ", e.g. your instructor) to make it readable (chmod a+r " + file + "), or point"
                + " DESCENT_DATA_DIR at a folder you can write (CIFAR-10 is then fetched into its"
                + " cifar-10-batches-bin subfolder).", e.getMessage());
        assertSame(denied, e.getCause());
    }

    @Test
    void aFolderThatCannotBeOpenedNamesTheOwnerTheModeAndTheFix() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cifar-10-batches-bin"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        String owner = Files.getOwner(folder).getName();
        assertEquals("cannot read the folder " + folder + ": permission denied (owner " + owner + ", mode 0700)."
                + " Fix: ask the owner (" + owner + ", e.g. your instructor) to open it (chmod a+rx " + folder
                + "), or point DESCENT_DATA_DIR at a folder you can write (CIFAR-10 is then fetched into its"
                + " cifar-10-batches-bin subfolder).", FileAccess.cannotOpenFolder(folder).getMessage());
    }
}
