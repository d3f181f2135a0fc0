package descent.plot;

import java.util.ArrayList;
import java.util.List;

/** A fake kernel that records every output, for tests. */
final class RecordingBridge implements KernelBridge {
    final List<String> displayed = new ArrayList<>();
    final List<String> updates = new ArrayList<>();

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public boolean isNotebook() {
        return true;
    }

    @Override
    public String display(String html) {
        displayed.add(html);
        return "id-" + displayed.size();
    }

    @Override
    public void update(String displayId, String html) {
        updates.add(displayId + ":" + html);
    }
}
