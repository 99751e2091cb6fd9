package chat.free4.ui.diagnostics;

import atlantafx.base.theme.Styles;
import chat.free4.ui.i18n.Texts;
import chat.free4.ui.widgets.Icons;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;

/**
 * The strip across the top of the window after a crash: says so in words and offers the report.
 * Either button takes the strip away; it is offered once (the caller notes it as offered).
 */
public final class CrashOfferBanner extends HBox {
    public CrashOfferBanner(Path report, FileOpener opener, Runnable close) {
        super(12);
        setId("crash-offer");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(10, 16, 10, 16));
        getStyleClass().add("crash-offer");
        Label said = new Label(Texts.get("crash.offer"), Icons.of(Feather.ALERT_TRIANGLE));
        said.setId("crash-offer-text");
        said.setWrapText(true);
        said.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(said, Priority.ALWAYS);
        Button show = new Button(Texts.get("crash.show"));
        show.setId("crash-show");
        show.getStyleClass().add(Styles.ACCENT);
        show.setOnAction(e -> {
            close.run();
            opener.open(report);
        });
        Button dismiss = new Button(Texts.get("crash.dismiss"));
        dismiss.setId("crash-dismiss");
        dismiss.getStyleClass().add(Styles.FLAT);
        dismiss.setOnAction(e -> close.run());
        getChildren().addAll(said, show, dismiss);
    }
}
