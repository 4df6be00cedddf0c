// The parts of Chart.js the app's charts use, registered once. Only chart-module.ts imports this file, on demand.
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';

// Registrations are global: a chart that wants no legend must say so (WordChart does).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);

export { Chart };
