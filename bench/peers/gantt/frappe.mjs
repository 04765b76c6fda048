// frappe-gantt (SVG): one row per task, year view, read-only, no weekend highlighting, no scrolling to today.
export function install(Gantt) {
  let gantt;
  const options = {
    view_mode: 'Year',
    readonly: true,
    infinite_padding: false,
    holidays: {},
    today_button: false,
    view_mode_select: false,
    scroll_to: 'start',
    popup_on: 'click',
    container_height: 600,
  };
  window.benchRender = async (tasks, container) => {
    gantt = new Gantt(container, tasks, options);
  };
  window.benchUpdate = async (tasks) => gantt.refresh(tasks);
}
