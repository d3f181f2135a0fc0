package descent.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Messages for files and folders of the data cache that the user may not read or write: each names
 * the path, the cause with the owner and mode, and the fix. A shared class-wide data folder set
 * up by an instructor is the usual case.
 */
final class FileAccess {
    /** The way out that always works: a data folder of one's own. */
    static final String OWN_FOLDER = "point " + Cifar10Cache.DATA_DIR_ENV + " at a folder you can write (CIFAR-10"
            + " is then fetched into its " + Cifar10Cache.FOLDER + " subfolder)";

    private FileAccess() {
    }

    /** A file or folder of the cache the user may not read; the message says why and the fix. */
    static final class Denied extends IOException {
        private static final long serialVersionUID = 1L;

        Denied(String message, IOException cause) {
            super(message, cause);
        }
    }

    /** "owner root, mode 0555", or "owner and mode unknown" where the file system cannot tell. */
    static String ownerAndMode(Path p) {
        try {
            PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class);
            return "owner " + a.owner().getName() + ", mode " + octal(a.permissions());
        } catch (IOException | UnsupportedOperationException e) {
            try {
                return "owner " + Files.getOwner(p).getName();
            } catch (IOException | UnsupportedOperationException e2) {
                return "owner and mode unknown";
            }
        }
    }

    /** The owner's name, or "its owner" where the file system cannot tell. */
    static String owner(Path p) {
        try {
            return Files.getOwner(p).getName();
        } catch (IOException | UnsupportedOperationException e) {
            return "its owner";
        }
    }

    /** A file of the cache that exists but may not be read. */
    static Denied cannotRead(Path file, IOException cause) {
        return new Denied("cannot read " + file + ": permission denied (" + ownerAndMode(file) + "). Fix: ask "
                + "the owner (" + owner(file) + ", e.g. your instructor) to make it readable (chmod a+r " + file
                + "), or " + OWN_FOLDER + ".", cause);
    }

    /** The cache folder exists but its entries may not be listed or opened. */
    static Denied cannotOpenFolder(Path dir) {
        return new Denied("cannot read the folder " + dir + ": permission denied (" + ownerAndMode(dir)
                + "). Fix: ask the owner (" + owner(dir) + ", e.g. your instructor) to open it (chmod a+rx " + dir
                + "), or " + OWN_FOLDER + ".", null);
    }

    /** The cache folder does not exist and cannot be created. */
    static IOException cannotCreate(Path dir, IOException cause) {
        Path existing = dir.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        String where = existing == null ? "" : " inside " + existing + " (" + ownerAndMode(existing) + ")";
        return new IOException("cannot create the CIFAR-10 folder " + dir + ": permission denied" + where
                + ". Fix: " + OWN_FOLDER + ", or ask the owner to create it.", cause);
    }

    /** True when the folder may be listed and its entries opened. */
    static boolean canOpen(Path dir) {
        return Files.isReadable(dir) && Files.isExecutable(dir);
    }

    private static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return String.format("%04o", mode);
    }
}
