package chat.free4.ui.room.board;

/** What the pointer does on the board. */
public enum BoardTool { PEN, LINE, ERASER }
